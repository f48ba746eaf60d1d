package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.CommandHandler;
import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import dev.swimmy.bot.core.discord.Invocation;
import dev.swimmy.bot.core.discord.Reply;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives slash commands from JDA and answers them within Discord's 3-second window. The event
 * is turned into an {@link Invocation} at once (on JDA's thread), the work runs on the bot's
 * command pool, and the answer is a direct reply when it is ready in time. Work that touches
 * storage is deferred up front; any other work still running after {@link #deferAfter} is
 * deferred then and the answer edited in. A failure or a full pool is always answered with a
 * short private message, never with silence.
 */
final class SlashCommands extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  private final CommandHandler handler;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private final Duration deferAfter;

  SlashCommands(CommandHandler handler, ExecutorService workers, ScheduledExecutorService timers, Duration deferAfter) {
    this.handler = handler;
    this.workers = workers;
    this.timers = timers;
    this.deferAfter = deferAfter;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    Invocation inv = invocation(event);
    boolean ephemeral = CommandHandler.isEphemeral(inv);
    CompletableFuture<Reply> work;
    try {
      work = CompletableFuture.supplyAsync(() -> run(inv), workers);
    } catch (RejectedExecutionException full) {
      log.warn("command pool full; refusing /{}", event.getFullCommandName());
      send(event, CommandHandler.failure(full));
      return;
    }
    AtomicBoolean answered = new AtomicBoolean();
    CompletableFuture<InteractionHook> deferred = new CompletableFuture<>();
    Runnable defer = () -> {
      if (answered.compareAndSet(false, true)) {
        event.deferReply(ephemeral).queue(deferred::complete, deferred::completeExceptionally);
      }
    };
    ScheduledFuture<?> timer = null;
    if (CommandHandler.mayTakeLong(inv)) {
      defer.run();
    } else {
      timer = timers.schedule(defer, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
    }
    ScheduledFuture<?> deferTimer = timer;
    work.whenComplete((reply, error) -> {
      if (deferTimer != null) {
        deferTimer.cancel(false);
      }
      Reply answer = error == null ? reply : CommandHandler.failure(error);
      if (answered.compareAndSet(false, true)) {
        send(event, answer);
      } else {
        deferred.thenAccept(hook -> hook.editOriginal(JdaMessages.edit(answer.message(), answer.chart()))
            .queue(ok -> {}, e -> log.warn("could not edit the deferred reply to /{}: {}", inv.command(), e.toString())));
      }
    });
  }

  private Reply run(Invocation inv) {
    try {
      return handler.handle(inv);
    } catch (Exception e) {
      log.error("/{} {} failed", inv.command(), inv.subcommand().orElse(""), e);
      return CommandHandler.failure(e);
    }
  }

  private static void send(SlashCommandInteractionEvent event, Reply reply) {
    event.reply(JdaMessages.create(reply.message(), reply.chart())).setEphemeral(reply.ephemeral())
        .queue(ok -> {}, e -> log.warn("could not answer /{}: {}", event.getFullCommandName(), e.toString()));
  }

  static Invocation invocation(SlashCommandInteractionEvent event) {
    Map<String, String> options = new HashMap<>();
    for (OptionMapping o : event.getOptions()) {
      options.put(o.getName(), o.getAsString());
    }
    return new Invocation(event.getName(), Optional.ofNullable(event.getSubcommandName()), options, permissions(event.getMember()));
  }

  /** The member's admin permissions as Discord computed them; none outside a guild. */
  private static Set<AdminPermission> permissions(Member member) {
    Set<AdminPermission> held = EnumSet.noneOf(AdminPermission.class);
    if (member == null) {
      return held;
    }
    for (AdminPermission p : AdminPermission.values()) {
      if (member.hasPermission(JdaCommands.permission(p))) {
        held.add(p);
      }
    }
    return held;
  }
}
