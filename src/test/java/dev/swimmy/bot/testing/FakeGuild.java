package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The one guild the fake gateway serves: fixed ids, a text channel, roles (@everyone, Admin with
 * Administrator, Manager with Manage Server) and members (the bot, an admin, a manager, a plain
 * user). Tests refer to these ids directly.
 */
public final class FakeGuild {
  public static final String APPLICATION_ID = "1100000000000000001";
  /** The bot user's id equals the application id, as for any bot made after 2016. */
  public static final String BOT_USER_ID = APPLICATION_ID;
  public static final String GUILD_ID = "1200000000000000001";
  public static final String TEXT_CHANNEL_ID = "1300000000000000001";
  public static final String ADMIN_ROLE_ID = "1400000000000000001";
  public static final String MANAGER_ROLE_ID = "1400000000000000002";
  public static final String BOT_ROLE_ID = "1400000000000000003";

  static final long VIEW_CHANNEL = 1L << 10;
  static final long SEND_MESSAGES = 1L << 11;
  static final long EMBED_LINKS = 1L << 14;
  static final long READ_MESSAGE_HISTORY = 1L << 16;
  static final long USE_APPLICATION_COMMANDS = 1L << 31;
  static final long ADMINISTRATOR = 1L << 3;
  static final long MANAGE_GUILD = 1L << 5;
  static final long EVERYONE_PERMISSIONS =
      VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS;

  /** A guild member an injected interaction can come from. */
  public record Member(String id, String name, List<String> roleIds, long permissions) {}

  public static final Member ADMIN = new Member("1500000000000000001", "admin-alice",
      List.of(ADMIN_ROLE_ID), EVERYONE_PERMISSIONS | ADMINISTRATOR);
  public static final Member MANAGER = new Member("1500000000000000002", "manager-mo",
      List.of(MANAGER_ROLE_ID), EVERYONE_PERMISSIONS | MANAGE_GUILD);
  public static final Member PLAIN = new Member("1500000000000000003", "plain-pat",
      List.of(), EVERYONE_PERMISSIONS);
  static final Member BOT = new Member(BOT_USER_ID, "swimmy-fake-bot", List.of(BOT_ROLE_ID),
      EVERYONE_PERMISSIONS);

  private FakeGuild() {}

  static ObjectNode user(String id, String name, boolean bot) {
    ObjectNode u = DiscordJson.object();
    u.put("id", id).put("username", name).put("discriminator", "0").put("global_name", name)
        .putNull("avatar").put("bot", bot).put("public_flags", 0).put("flags", 0);
    return u;
  }

  static ObjectNode selfUser() {
    return user(BOT_USER_ID, BOT.name(), true).put("verified", true).put("mfa_enabled", false);
  }

  static ObjectNode member(Member m, Instant joined) {
    ObjectNode json = DiscordJson.object();
    json.set("user", user(m.id(), m.name(), m == BOT));
    json.putNull("nick").putNull("avatar").putNull("premium_since").putNull("communication_disabled_until");
    ArrayNode roles = json.putArray("roles");
    m.roleIds().forEach(roles::add);
    json.put("joined_at", DiscordJson.timestamp(joined)).put("deaf", false).put("mute", false)
        .put("flags", 0).put("pending", false);
    return json;
  }

  static ObjectNode guildCreate(Instant now) {
    ObjectNode g = DiscordJson.object();
    g.put("id", GUILD_ID).put("name", "Swimmy Fake Guild").putNull("icon").putNull("splash")
        .putNull("discovery_splash").put("owner_id", ADMIN.id()).putNull("afk_channel_id")
        .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
        .put("explicit_content_filter", 0).put("mfa_level", 0).putNull("application_id")
        .putNull("system_channel_id").put("system_channel_flags", 0).putNull("rules_channel_id")
        .put("max_members", 500000).putNull("vanity_url_code").putNull("description").putNull("banner")
        .put("premium_tier", 0).put("premium_subscription_count", 0).put("preferred_locale", "en-US")
        .putNull("public_updates_channel_id").put("nsfw_level", 0).put("premium_progress_bar_enabled", false)
        .putNull("safety_alerts_channel_id").put("joined_at", DiscordJson.timestamp(now))
        .put("large", false).put("unavailable", false).put("member_count", 4).put("lazy", true);
    g.putArray("features");
    ArrayNode roles = g.putArray("roles");
    roles.add(role(GUILD_ID, "@everyone", 0, EVERYONE_PERMISSIONS, false));
    roles.add(role(ADMIN_ROLE_ID, "Admin", 3, ADMINISTRATOR, false));
    roles.add(role(MANAGER_ROLE_ID, "Manager", 2, MANAGE_GUILD, false));
    roles.add(role(BOT_ROLE_ID, "swimmy-fake-bot", 1, EVERYONE_PERMISSIONS, true));
    ArrayNode channels = g.putArray("channels");
    channels.add(textChannel());
    ArrayNode members = g.putArray("members");
    for (Member m : List.of(BOT, ADMIN, MANAGER, PLAIN)) {
      members.add(member(m, now));
    }
    for (String empty : List.of("emojis", "stickers", "threads", "presences", "voice_states",
        "stage_instances", "guild_scheduled_events", "soundboard_sounds", "embedded_activities")) {
      g.putArray(empty);
    }
    return g;
  }

  static ObjectNode textChannel() {
    ObjectNode c = DiscordJson.object();
    c.put("id", TEXT_CHANNEL_ID).put("type", 0).put("guild_id", GUILD_ID).put("name", "swimmy-status")
        .put("position", 0).putNull("topic").put("nsfw", false).putNull("last_message_id")
        .put("rate_limit_per_user", 0).putNull("parent_id").put("flags", 0);
    c.putArray("permission_overwrites");
    return c;
  }

  private static ObjectNode role(String id, String name, int position, long permissions, boolean managed) {
    ObjectNode r = DiscordJson.object();
    r.put("id", id).put("name", name).put("color", 0).put("hoist", false).putNull("icon")
        .putNull("unicode_emoji").put("position", position).put("permissions", Long.toString(permissions))
        .put("managed", managed).put("mentionable", false).put("flags", 0);
    r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    if (managed) {
      r.putObject("tags").put("bot_id", BOT_USER_ID);
    }
    return r;
  }
}
