package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SexpReaderStreamingTest {
  private final SexpReader reader = new SexpReader();
  private final List<Sexp> items = new ArrayList<>();

  private SexpReader.Streamed read(String text) throws SexpParseException {
    return reader.read(text.getBytes(StandardCharsets.UTF_8), "entries", items::add);
  }

  private static Sexp whole(String text) throws SexpParseException {
    return SexpReader.parse(text);
  }

  @Test
  void theFirstCellWithTheKey_streamsItsItemsInOrder_andReadsAsJustTheKey() throws Exception {
    SexpReader.Streamed r = read("((v . 1) (ENTRIES 1 (2) x) (entries 9))");
    assertThat(r.cell()).isEqualTo(SexpReader.Cell.LIST);
    assertThat(items).containsExactly(Int.of(1), new Lst(List.of(Int.of(2))), new Sym(null, "X"));
    assertThat(r.tree()).isEqualTo(whole("((v . 1) (entries) (entries 9))"));
  }

  @Test
  void keysMatchAsMapKeysDo_dashOrUnderscore_anyCase_keywordsToo() throws Exception {
    SexpReader.Streamed r = reader.read("((:Old_Items 1 2))".getBytes(StandardCharsets.UTF_8),
        "old-items", items::add);
    assertThat(r.cell()).isEqualTo(SexpReader.Cell.LIST);
    assertThat(items).hasSize(2);
  }

  @Test
  void aSplicedListTail_streamsToo() throws Exception {
    SexpReader.Streamed r = read("((entries 1 . (2 3)))");
    assertThat(r.cell()).isEqualTo(SexpReader.Cell.LIST);
    assertThat(items).containsExactly(Int.of(1), Int.of(2), Int.of(3));
  }

  @Test
  void aDottedCell_isReportedSoTheCallerReadsAgain() throws Exception {
    assertThat(read("((entries 1 . 2))").cell()).isEqualTo(SexpReader.Cell.NOT_A_LIST);
    items.clear();
    assertThat(read("((entries . 2) (entries 1))").cell()).isEqualTo(SexpReader.Cell.NOT_A_LIST);
    assertThat(items).isEmpty();
  }

  @Test
  void cellsThatAreNotTopLevelItems_areLeftInTheTree() throws Exception {
    for (String text : List.of("(entries 1 2)", "((a (entries 1)))", "((a) . ((entries 1)))",
        "#((entries 1))", "'((entries 1))", "(((entries) 1))", "(('entries 1))")) {
      SexpReader.Streamed r = read(text);
      assertThat(r.cell()).as(text).isEqualTo(SexpReader.Cell.ABSENT);
      assertThat(r.tree()).as(text).isEqualTo(whole(text));
    }
    assertThat(items).isEmpty();
  }

  @Test
  void errorsAndLimits_areTheSameAsAWholeRead() {
    String broken = "((entries (a) (b)\n  (c";
    assertThatThrownBy(() -> read(broken)).isInstanceOf(SexpParseException.class)
        .hasMessage(messageOf(broken));
    SexpReader shallow = new SexpReader(new SexpLimits(1024, 3));
    assertThatThrownBy(() -> shallow.read("((entries ((((1))))))".getBytes(StandardCharsets.UTF_8),
        "entries", items::add))
        .isInstanceOfSatisfying(SexpParseException.class,
            e -> assertThat(e.kind()).isEqualTo(SexpParseException.Kind.TOO_DEEP));
  }

  private static String messageOf(String text) {
    try {
      whole(text);
      throw new AssertionError("expected a reader error");
    } catch (SexpParseException e) {
      return e.getMessage();
    }
  }
}
