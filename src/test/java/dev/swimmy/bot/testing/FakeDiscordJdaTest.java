package dev.swimmy.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real JDA 6, unchanged, against the fake: login, commands, interactions, messages. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FakeDiscordJdaTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private FakeDiscord fake;
  private JDA jda;
  private final BlockingQueue<SlashCommandInteractionEvent> commands = new LinkedBlockingQueue<>();

  @BeforeEach
  void startFake() throws Exception {
    fake = new FakeDiscord().start();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (jda != null) {
      jda.shutdownNow();
      jda.awaitShutdown(Duration.ofSeconds(10));
    }
    fake.close();
  }

  private JDA connectedJda() throws InterruptedException {
    jda = JdaAgainstFake.builder(fake)
        .addEventListeners(new ListenerAdapter() {
          @Override
          public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            commands.add(event);
            event.reply("pong").queue();
          }
        })
        .build();
    jda.awaitReady();
    return jda;
  }

  @Test
  void realJda_logsIn_andSeesTheConfiguredGuildAndChannel() throws Exception {
    connectedJda();

    assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
    assertThat(jda.getSelfUser().getId()).isEqualTo(FakeGuild.BOT_USER_ID);
    assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(FakeGuild.APPLICATION_ID);
    assertThat(jda.getGuildById(FakeGuild.GUILD_ID)).isNotNull();
    assertThat(jda.getTextChannelById(FakeGuild.TEXT_CHANNEL_ID)).isNotNull();
    assertThat(fake.gatewayIdentifyCount()).isEqualTo(1);
    assertThat(fake.unknownRoutes()).isEmpty();
  }

  @Test
  void realJda_registersSlashCommands_andRepliesToAnInjectedOne() throws Exception {
    connectedJda();
    jda.updateCommands().addCommands(Commands.slash("status", "Show status")
        .addOption(OptionType.STRING, "section", "Which section", false)).complete();

    assertThat(fake.registeredCommands()).singleElement()
        .satisfies(c -> assertThat(c.path("name").asText()).isEqualTo("status"));

    InjectedInteraction interaction = fake.injectSlashCommand(
        SlashCommand.named("status").option("section", "pnl").by(FakeGuild.ADMIN));

    SlashCommandInteractionEvent event = commands.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.getName()).isEqualTo("status");
    assertThat(event.getOption("section").getAsString()).isEqualTo("pnl");
    assertThat(event.getMember().hasPermission(Permission.ADMINISTRATOR)).isTrue();
    await().atMost(WAIT).until(() -> fake.interactionCallback(interaction.id()).isPresent());
    InteractionCallback callback = fake.interactionCallback(interaction.id()).orElseThrow();
    assertThat(callback.type()).isEqualTo(4);
    assertThat(callback.content()).isEqualTo("pong");
    assertThat(fake.originalResponse(interaction)).isPresent();
  }

  @Test
  void injectedCommandFromPlainMember_carriesNoAdminPermissions() throws Exception {
    connectedJda();

    fake.injectSlashCommand(SlashCommand.named("notifier").subcommand("purge").by(FakeGuild.PLAIN));

    SlashCommandInteractionEvent event = commands.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.getSubcommandName()).isEqualTo("purge");
    assertThat(event.getMember().hasPermission(Permission.ADMINISTRATOR)).isFalse();
    assertThat(event.getMember().hasPermission(Permission.MANAGE_SERVER)).isFalse();
  }

  @Test
  void realJda_sendsAndEditsAMessage_andGets404OnceAUserDeletedIt() throws Exception {
    TextChannel channel = connectedJda().getTextChannelById(FakeGuild.TEXT_CHANNEL_ID);

    Message sent = channel.sendMessage("panel v1").complete();
    Message edited = channel.editMessageById(sent.getId(), "panel v2").complete();

    assertThat(edited.getContentRaw()).isEqualTo("panel v2");
    assertThat(fake.message(FakeGuild.TEXT_CHANNEL_ID, sent.getId()))
        .hasValueSatisfying(m -> assertThat(m.path("content").asText()).isEqualTo("panel v2"));

    fake.deleteMessageAsUser(FakeGuild.TEXT_CHANNEL_ID, sent.getId());
    assertThatThrownBy(() -> channel.editMessageById(sent.getId(), "panel v3").complete())
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_MESSAGE));
  }

  @Test
  void editingAMessageTooOldToEdit_failsWithDiscordsCode30046() throws Exception {
    TextChannel channel = connectedJda().getTextChannelById(FakeGuild.TEXT_CHANNEL_ID);
    Message sent = channel.sendMessage("old panel").complete();

    fake.markTooOldToEdit(sent.getId());

    assertThatThrownBy(() -> channel.editMessageById(sent.getId(), "new").complete())
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(30046));
  }

  @Test
  void droppedGatewayConnection_isResumedByJda() throws Exception {
    connectedJda();

    fake.dropGatewayConnections();

    await().atMost(Duration.ofSeconds(30)).until(() -> fake.gatewayResumeCount() == 1
        && jda.getStatus() == JDA.Status.CONNECTED);
    fake.injectSlashCommand(SlashCommand.named("status"));
    assertThat(commands.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void gatewayReconnectRequest_isFollowedByAResume() throws Exception {
    connectedJda();

    fake.requestGatewayReconnect();

    await().atMost(Duration.ofSeconds(30)).until(() -> fake.gatewayResumeCount() == 1
        && jda.getStatus() == JDA.Status.CONNECTED);
    assertThat(fake.gatewayIdentifyCount()).isEqualTo(1);
  }

  @Test
  void wrongBotToken_isRejectedAtLogin() {
    assertThatThrownBy(() -> JdaAgainstFake.wire(
            net.dv8tion.jda.api.JDABuilder.createLight("not-the-token"), fake).build())
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void filesOnMessages_areKeptReplacedOrRefused_asDiscordDoes() throws Exception {
    connectedJda();
    TextChannel channel = jda.getTextChannelById(FakeGuild.TEXT_CHANNEL_ID);
    byte[] one = TestCharts.draw("chart.png", "one", TestCharts.PNL_COLOUR).png();
    byte[] two = TestCharts.draw("chart.png", "two", TestCharts.PNL_COLOUR).png();
    var embed = new net.dv8tion.jda.api.EmbedBuilder().setTitle("chart").setImage("attachment://chart.png").build();

    Message sent = channel.sendMessageEmbeds(embed)
        .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(one, "chart.png")).complete();
    assertThat(sent.getAttachments()).singleElement().satisfies(a -> {
      assertThat(a.getFileName()).isEqualTo("chart.png");
      assertThat(a.getWidth()).isEqualTo(TestCharts.WIDTH);
    });
    assertThat(sent.getEmbeds().get(0).getImage().getUrl()).isEqualTo(sent.getAttachments().get(0).getUrl());
    long first = sent.getAttachments().get(0).getIdLong();

    // No attachments array: the file stays.
    Message kept = channel.editMessageEmbedsById(sent.getIdLong(), embed).complete();
    assertThat(kept.getAttachments()).extracting(a -> a.getIdLong()).containsExactly(first);

    // Listed by id: kept; a new upload in the array: replaces the rest.
    Message listed = channel.editMessageById(sent.getIdLong(), new net.dv8tion.jda.api.utils.messages.MessageEditBuilder()
        .setAttachments(net.dv8tion.jda.api.utils.AttachmentUpdate.fromAttachment(first)).build()).complete();
    assertThat(listed.getAttachments()).extracting(a -> a.getIdLong()).containsExactly(first);
    Message replaced = channel.editMessageById(sent.getIdLong(), net.dv8tion.jda.api.utils.messages.MessageEditData
        .fromFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(two, "chart.png"))).complete();
    assertThat(replaced.getAttachments()).singleElement().satisfies(a -> assertThat(a.getIdLong()).isNotEqualTo(first));
    assertThat(fake.uploads()).extracting(u -> u.data()).containsExactly(one, two);

    // An unknown attachment id is refused; an empty array leaves no file.
    assertThatThrownBy(() -> channel.editMessageById(sent.getIdLong(), new net.dv8tion.jda.api.utils.messages.MessageEditBuilder()
        .setAttachments(net.dv8tion.jda.api.utils.AttachmentUpdate.fromAttachment(first)).build()).complete())
        .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getErrorCode()).isEqualTo(50035));
    Message none = channel.editMessageById(sent.getIdLong(), new net.dv8tion.jda.api.utils.messages.MessageEditBuilder()
        .setEmbeds(embed).setAttachments(java.util.List.of()).build()).complete();
    assertThat(none.getAttachments()).isEmpty();
    // The embed still names attachment://chart.png, which the message no longer has.
    assertThat(fake.danglingImageReferences()).hasSize(1);
  }
}
