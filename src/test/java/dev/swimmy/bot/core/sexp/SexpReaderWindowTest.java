package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read from a stream goes through a window that is refilled between steps; whatever the window's
 * size, it must give what a read of the whole text gives: the same tree, the same streamed items,
 * or the same error at the same line and column. Tiny windows put every token, string, comment
 * and error across a window's end somewhere in these inputs.
 */
class SexpReaderWindowTest {
  private static final int[] WINDOWS = {4, 5, 7, 13, 64, SexpReader.WINDOW};

  static Stream<Path> inputs() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Fixtures.root(),
        Path.of("src/test/resources/dev/swimmy/bot/core/sexp/SexpReaderFuzzTestInputs"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> !f.toString().endsWith(".jsonl") && !f.toString().endsWith(".md"))
            .filter(f -> !f.getFileName().toString().equals("large-20k.sexp"))
            .forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(50);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void everyFile_readsAsAWholeRead_throughAnyWindow(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    compare(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void tokensAndCommentsAcrossTheWindowEnd_readAsAWholeRead(String text) throws IOException {
    compare(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<String> texts() {
    return Stream.of(
        "((entries (a . \"a long string with \\\"escapes\\\" in it\") 123456789012345678901234567890"
            + " 1.5d0 -2/3 #x1F |piped sym| pkg::name #\\Space #\\x)\n  (b . #(1 2 3))) trailing",
        "; a comment that runs on for a while\n((entries ; another one\n 1 2 #| block #| nested |# |# 3)"
            + " (x . 1))",
        "((entries 1 2\n 3\n (4 \"unterminated",
        "((entries 1 2) #.(evil))",
        "\uFEFF((entries \"日本語の文字列\" 😀 #\\😀 |é|))",
        "((entries #2A((1 2) (3 4)) #A((3) base-char . \"abc\") #1A(1 2)))",
        "(a b\n c d\n e f\n g h\n i j\n k l\n m n)",
        "((entries 1 . 2))",
        "(((entries 1))\n (entries 2 3) (entries 4))",
        "((entries 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20)))");
  }

  private static void compare(byte[] bytes) throws IOException {
    Object whole = outcome(() -> {
      List<Sexp> items = new ArrayList<>();
      SexpReader.Streamed r = new SexpReader().read(bytes, "entries", items::add);
      return List.of(r.tree(), r.cell(), items);
    });
    for (int window : WINDOWS) {
      Object streamed = outcome(() -> {
        List<Sexp> items = new ArrayList<>();
        SexpReader.Streamed r =
            new SexpReader().read(new ByteArrayInputStream(bytes), "entries", items::add, window);
        return List.of(r.tree(), r.cell(), items);
      });
      assertThat(streamed).as("window of %d", window).isEqualTo(whole);
    }
  }

  private interface Read {
    Object get() throws SexpParseException, IOException;
  }

  /** The read's value, or its error as kind, message and position. */
  private static Object outcome(Read read) throws IOException {
    try {
      return read.get();
    } catch (SexpParseException e) {
      return List.of(e.kind(), e.getMessage());
    }
  }
}
