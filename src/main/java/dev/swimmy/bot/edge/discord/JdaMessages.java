package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.PanelPolicy.ChartEdit;
import dev.swimmy.bot.core.discord.PanelPolicy.KeepChart;
import dev.swimmy.bot.core.discord.PanelPolicy.NoChart;
import dev.swimmy.bot.core.discord.PanelPolicy.UploadChart;
import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Message;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.AttachmentUpdate;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The one place where the bot's embed model becomes JDA's; no decisions are made here. A chart
 * travels as a file upload ({@code files[0]} of a multipart body) that the message's embed refers
 * to by {@code attachment://<name>}; which file an edit keeps, uploads or drops is {@code
 * PanelPolicy}'s {@link ChartEdit}, translated into Discord's {@code attachments} array by {@link
 * #edit(Message, ChartEdit, Optional)}.
 */
final class JdaMessages {
  private JdaMessages() {}

  static MessageCreateData create(Message m) {
    Message fitted = DiscordLimits.fit(m);
    return new MessageCreateBuilder().setContent(fitted.content()).setEmbeds(embeds(fitted)).build();
  }

  /** {@code m} with {@code chart} as its one file, when present. */
  static MessageCreateData create(Message m, Optional<ChartImage> chart) {
    Message fitted = DiscordLimits.fit(m);
    MessageCreateBuilder b = new MessageCreateBuilder().setContent(fitted.content()).setEmbeds(embeds(fitted));
    chart.ifPresent(c -> b.setFiles(upload(c)));
    return b.build();
  }

  /** An edit of the text and embeds that leaves the message's files as they are. */
  static MessageEditData edit(Message m) {
    Message fitted = DiscordLimits.fit(m);
    return new MessageEditBuilder().setContent(fitted.content()).setEmbeds(embeds(fitted)).build();
  }

  /** An edit whose message ends up with {@code chart} as its only file, or with none. */
  static MessageEditData edit(Message m, Optional<ChartImage> chart) {
    return edit(m, chart.isPresent() ? new UploadChart() : new NoChart(), chart);
  }

  /**
   * An edit that also sets the message's files: {@link KeepChart} lists the uploaded chart's
   * attachment id (nothing is uploaded), {@link UploadChart} sends {@code chart} as the only file,
   * {@link NoChart} leaves none.
   */
  static MessageEditData edit(Message m, ChartEdit files, Optional<ChartImage> chart) {
    Message fitted = DiscordLimits.fit(m);
    MessageEditBuilder b = new MessageEditBuilder().setContent(fitted.content()).setEmbeds(embeds(fitted));
    List<AttachedFile> kept;
    if (files instanceof KeepChart k) {
      kept = List.of(AttachmentUpdate.fromAttachment(k.attachmentId()));
    } else if (files instanceof UploadChart && chart.isPresent()) {
      kept = List.of(upload(chart.get()));
    } else {
      kept = List.of();
    }
    return b.setAttachments(kept).build();
  }

  private static FileUpload upload(ChartImage c) {
    return FileUpload.fromData(c.png(), c.fileName());
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
    if (!e.image().isEmpty()) {
      b.setImage(e.image());
    }
    if (b.isEmpty()) {
      b.setDescription("\u200b");
    }
    return b.build();
  }
}
