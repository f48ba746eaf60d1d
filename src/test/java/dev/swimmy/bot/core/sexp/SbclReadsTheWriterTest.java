package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.testing.ExternalTool;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.LispJson;
import dev.swimmy.bot.testing.SexpGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine reads what the bot writes: SBCL's own reader, through {@code lisp_to_json.lisp},
 * sees in every generated file the same values as {@link SexpView}. One SBCL process reads all
 * the files. Without {@code sbcl} on the PATH the test is skipped locally but fails in CI, which
 * installs SBCL, so its absence there is a defect and not a pass.
 */
class SbclReadsTheWriterTest {
  private static final long FIRST_SEED = 7_000L;
  private static final int TREES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sbclReadsEveryGeneratedFile_asTheSameValuesAsOurView(@TempDir Path dir) throws Exception {
    Path sbcl = ExternalTool.require("sbcl", "sbcl");
    Map<String, Sexp> trees = new HashMap<>();
    List<String> command = new ArrayList<>(List.of(sbcl.toString(), "--script", script().toString()));
    for (long seed = FIRST_SEED; seed < FIRST_SEED + TREES; seed++) {
      Sexp tree = SexpGen.sbclTree(seed, 4);
      String name = "seed-" + seed + ".sexp";
      Files.writeString(dir.resolve(name), SexpWriter.write(tree), StandardCharsets.UTF_8);
      trees.put(name, tree);
      command.add(dir.resolve(name).toString());
    }

    Map<String, JsonNode> answers = runSbcl(command, dir);

    assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(trees.keySet());
    trees.forEach(
        (name, tree) -> {
          JsonNode answer = answers.get(name);
          String written = SexpWriter.write(tree);
          assertThat(answer.has("error"))
              .as("SBCL refused %s: %s%nwritten: %s", name, answer.path("error").asText(), written)
              .isFalse();
          assertThat(LispJson.comparable(SexpView.toPlain(tree)))
              .as("our view against SBCL's for %s (the seed is in the name)%nwritten: %s", name, written)
              .isEqualTo(LispJson.fromJson(answer.get("value")));
        });
  }

  private static Map<String, JsonNode> runSbcl(List<String> command, Path dir) throws Exception {
    Path out = dir.resolve("sbcl.out");
    Path err = dir.resolve("sbcl.err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process sbcl = pb.start();
    if (!sbcl.waitFor(60, TimeUnit.SECONDS)) {
      sbcl.destroyForcibly();
      fail("sbcl did not finish within 60 s");
    }
    assertThat(sbcl.exitValue()).as("sbcl exit; stderr: %s", Files.readString(err)).isZero();
    Map<String, JsonNode> answers = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode node = JSON.readTree(line);
      answers.put(node.get("file").asText(), node);
    }
    return answers;
  }

  private static Path script() {
    return Fixtures.root().getParent().resolve("lisp/lisp_to_json.lisp");
  }
}
