package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.StatusSection;
import static dev.swimmy.bot.core.discord.CoreFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {
  final CoreFakes.Views views = new CoreFakes.Views();
  final CoreFakes.Letters letters = new CoreFakes.Letters();
  final CommandHandler handler =
      new CommandHandler(views, () -> CoreFakes.health(List.of(), Optional.of(Duration.ofMillis(120))), letters);
  static final Set<AdminPermission> ADMIN = Set.of(AdminPermission.MANAGE_SERVER);

  static Invocation status(String section) {
    return new Invocation("status", Optional.empty(), section == null ? Map.of() : Map.of("section", section), Set.of());
  }

  static Invocation notifier(String sub, Set<AdminPermission> perms) {
    return new Invocation("notifier", Optional.of(sub), Map.of(), perms);
  }

  @Test
  void statusWithoutASection_showsTheOverview_toEveryone() throws Exception {
    Reply r = handler.handle(status(null));
    assertThat(r.ephemeral()).isFalse();
    assertThat(r.message().embeds().get(0).title()).isEqualTo("status overview");
  }

  @Test
  void statusWithASection_showsThatSection() throws Exception {
    for (StatusSection s : StatusSection.values()) {
      assertThat(handler.handle(status(s.optionName())).message().embeds().get(0).title()).isEqualTo("status " + s.optionName());
    }
  }

  @Test
  void anUnknownSection_isAnsweredPrivately() throws Exception {
    assertThat(handler.handle(status("weather")).ephemeral()).isTrue();
  }

  @Test
  void notifierHealth_needsNoExtraPermission() throws Exception {
    Reply r = handler.handle(notifier("health", Set.of()));
    assertThat(r.ephemeral()).isFalse();
    assertThat(r.message().embeds().get(0).title()).isEqualTo("Notifier health");
  }

  @Test
  void adminSubcommands_areRefusedToAMemberWithoutManageServer_andChangeNothing() throws Exception {
    letters.letters.add(new DeadLetter(1, "111", "400", T0, T0));
    for (String sub : List.of("dead-letters", "requeue", "purge")) {
      Reply r = handler.handle(notifier(sub, Set.of()));
      assertThat(r.ephemeral()).isTrue();
      assertThat(r.message().embeds().get(0).title()).isEqualTo("Not allowed");
    }
    assertThat(letters.letters).hasSize(1);
  }

  @Test
  void anAdminCanListRequeueAndPurgeDeadLetters() throws Exception {
    letters.letters.add(new DeadLetter(1, "111", "400 bad embed", T0, T0));
    letters.letters.add(new DeadLetter(2, "222", "404", T0, T0));
    assertThat(handler.handle(notifier("dead-letters", ADMIN)).message().embeds().get(0).title()).isEqualTo("Dead letters (2)");
    Reply requeued = handler.handle(new Invocation("notifier", Optional.of("requeue"), Map.of("webhook", "111"), ADMIN));
    assertThat(requeued.message().embeds().get(0).title()).isEqualTo("Requeued 1 dead letter");
    assertThat(handler.handle(notifier("purge", ADMIN)).message().embeds().get(0).title()).isEqualTo("Purged 1 dead letter");
  }

  @Test
  void adminReplies_areDeferredAndPrivate_statusIsNot() {
    assertThat(CommandHandler.mayTakeLong(notifier("purge", ADMIN))).isTrue();
    assertThat(CommandHandler.isEphemeral(notifier("purge", ADMIN))).isTrue();
    assertThat(CommandHandler.mayTakeLong(status(null))).isFalse();
    assertThat(CommandHandler.mayTakeLong(notifier("purge", Set.of()))).as("a refusal is instant").isFalse();
  }

  @Test
  void aFailure_becomesAShortPrivateMessage_withoutDetails() {
    Reply r = CommandHandler.failure(new IllegalStateException("token=abc secret"));
    assertThat(r.ephemeral()).isTrue();
    assertThat(r.message().toString()).doesNotContain("abc");
  }

  // --- charts ------------------------------------------------------------------------------------

  final dev.swimmy.bot.testing.TestCharts charts = new dev.swimmy.bot.testing.TestCharts("pnl-1", "relay-1");
  final CommandHandler charted = new CommandHandler(views,
      () -> CoreFakes.health(List.of(), Optional.of(Duration.ofMillis(120))), letters, charts, () -> T0);

  @Test
  void statusPnl_carriesTodaysPnlChart_inAnEmbedThatRefersToTheFile() throws Exception {
    Reply r = charted.handle(status("pnl"));
    assertThat(r.chart()).hasValueSatisfying(c -> assertThat(c.fileName()).isEqualTo("pnl-today.png"));
    assertThat(r.message().embeds()).last().satisfies(e -> {
      assertThat(e.image()).isEqualTo("attachment://pnl-today.png");
      assertThat(e.title()).isEqualTo(CommandHandler.PNL_CHART_TITLE);
    });
    assertThat(r.message().embeds().get(0).title()).isEqualTo("status pnl");
  }

  @Test
  void otherSections_carryNoChart() throws Exception {
    for (String s : List.of("overview", "market", "system")) {
      Reply r = charted.handle(status(s));
      assertThat(r.chart()).isEmpty();
      assertThat(r.message().embeds()).allSatisfy(e -> assertThat(e.image()).isEmpty());
    }
  }

  @Test
  void notifierHealth_carriesTheRelayChart() throws Exception {
    Reply r = charted.handle(notifier("health", Set.of()));
    assertThat(r.chart()).hasValueSatisfying(c -> assertThat(c.fileName()).isEqualTo("relay-24h.png"));
    assertThat(r.message().embeds()).last().extracting(e -> e.image()).isEqualTo("attachment://relay-24h.png");
  }

  @Test
  void withoutAChart_statusPnl_isTheTextAsBefore() throws Exception {
    charts.pnlData(null);
    Reply r = charted.handle(status("pnl"));
    assertThat(r.chart()).isEmpty();
    assertThat(r.message()).isEqualTo(handler.handle(status("pnl")).message());
  }
}
