package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Message;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** The one place where the bot's embed model becomes JDA's; no decisions are made here. */
final class JdaMessages {
  private JdaMessages() {}

  static MessageCreateData create(Message m) {
    Message fitted = DiscordLimits.fit(m);
    return new MessageCreateBuilder().setContent(fitted.content()).setEmbeds(embeds(fitted)).build();
  }

  static MessageEditData edit(Message m) {
    Message fitted = DiscordLimits.fit(m);
    return new MessageEditBuilder().setContent(fitted.content()).setEmbeds(embeds(fitted)).build();
  }

  static List<MessageEmbed> embeds(Message m) {
    return m.embeds().stream().map(JdaMessages::embed).toList();
  }

  static MessageEmbed embed(Embed e) {
    EmbedBuilder b = new EmbedBuilder();
    if (!e.title().isEmpty()) {
      b.setTitle(e.title());
    }
    if (!e.description().isEmpty()) {
      b.setDescription(e.description());
    }
    if (e.colour() != 0) {
      b.setColor(e.colour());
    }
    for (Field f : e.fields()) {
      b.addField(f.name(), f.value(), f.inline());
    }
    if (!e.footer().isEmpty()) {
      b.setFooter(e.footer());
    }
    if (b.isEmpty()) {
      b.setDescription("\u200b");
    }
    return b.build();
  }
}
