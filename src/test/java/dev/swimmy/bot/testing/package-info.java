/**
 * Test fakes that behave like the real thing, faults included.
 *
 * <p>{@link dev.swimmy.bot.testing.FakeDiscord} is a loopback Discord: start it, register
 * webhooks with {@code webhook(id, token)}, script faults with {@code hook.faults().next(...)},
 * drive its rate limits with an injected {@code InstantSource}, and assert on
 * {@code hook.received()} and {@code requestsInsideAnnouncedWait()}. For the bot side, build JDA
 * with {@link dev.swimmy.bot.testing.JdaAgainstFake#builder(FakeDiscord)} (or {@code wire} an
 * existing builder), then {@code injectSlashCommand(...)} and wait for
 * {@code interactionCallback(id)}.
 */
package dev.swimmy.bot.testing;
