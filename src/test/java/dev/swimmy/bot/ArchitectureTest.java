package dev.swimmy.bot;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Set;

/**
 * The layout in {@code docs/architecture.md}, enforced: {@code core} is pure (no I/O, network,
 * SQL, JDA, ZeroMQ, Micrometer, logger or system clock), each edge talks only to core, and only
 * {@code app} wires edges together.
 */
@AnalyzeClasses(packages = "dev.swimmy.bot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String CORE = "dev.swimmy.bot.core..";

  @ArchTest
  static final ArchRule coreDependsOnNoEdgeOrApp =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.swimmy.bot.edge..", "dev.swimmy.bot.app..")
          .because("core holds the rules and edges plug into it through core's own ports; "
              + "a core that imports an edge can no longer be tested as plain data");

  /**
   * The java.io types core may name: the abstract byte stream the streaming s-expression reader
   * consumes (the edge opens the file and hands the stream in), an in-memory stream over a byte
   * array, and the checked/unchecked exceptions those throw. Everything else in java.io (files,
   * console, print streams, serialization streams) reaches the outside world.
   */
  private static final Set<Class<?>> IN_MEMORY_IO = Set.of(
      InputStream.class, ByteArrayInputStream.class, IOException.class,
      UncheckedIOException.class, Serializable.class);

  private static final DescribedPredicate<JavaClass> OUTSIDE_IO =
      resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..")
          .and(DescribedPredicate.describe("not an in-memory stream type",
              c -> IN_MEMORY_IO.stream().noneMatch(c::isEquivalentTo)))
          .as("files, channels or streams beyond an abstract InputStream");

  @ArchTest
  static final ArchRule coreDoesNoIo =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat(OUTSIDE_IO)
          .orShould().accessField(System.class, "out")
          .orShould().accessField(System.class, "err")
          .orShould().accessField(System.class, "in")
          .because("core turns bytes already read into values; opening, writing or printing is "
              + "an edge's job, so a rule can be tested without a disk or a console");

  @ArchTest
  static final ArchRule coreUsesNoNetwork =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage(
              "java.net..", "javax.net..", "com.sun.net..", "okhttp3..", "org.newsclub..")
          .because("sockets and HTTP live in edge/http, edge/webhook, edge/admin and "
              + "edge/systemd; core decides what to send, never sends it");

  @ArchTest
  static final ArchRule coreUsesNoSql =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage(
              "java.sql..", "javax.sql..", "org.sqlite..")
          .because("SQLite is edge/spool's storage choice; core's spool policy works on "
              + "records so both spools (SQLite and in-memory) apply the same rules");

  @ArchTest
  static final ArchRule coreUsesNoJda =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage(
              "net.dv8tion..", "com.neovisionaries..")
          .because("core renders its own embed records; edge/discord translates them to JDA, "
              + "so the rules are tested without a mock of JDA");

  @ArchTest
  static final ArchRule coreUsesNoZeroMq =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "zmq..")
          .because("the PULL socket belongs to edge/zmq; core only decodes the frames it "
              + "receives");

  @ArchTest
  static final ArchRule coreUsesNoMicrometer =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
          .because("core returns figures and outcomes as values; edges count them into "
              + "Micrometer");

  @ArchTest
  static final ArchRule coreUsesNoLogger =
      noClasses().that().resideInAPackage(CORE)
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.slf4j..", "ch.qos.logback..", "java.util.logging..", "org.apache.logging..",
              "org.apache.commons.logging..")
          .orShould().dependOnClassesThat(
              type(System.Logger.class).or(type(System.Logger.Level.class)))
          .orShould().accessTargetWhere(DescribedPredicate.describe("System.getLogger(..)",
              access -> access.getTargetOwner().isEquivalentTo(System.class)
                  && access.getName().equals("getLogger")))
          .because("a rule reports what happened as a returned value or event; the edge that "
              + "acts on it decides what to log, so core's behaviour is visible to its tests");

  /** The factories that read the host's clock instead of the one passed in. */
  private static final DescribedPredicate<JavaAccess<?>> SYSTEM_CLOCK =
      DescribedPredicate.describe("reads the system clock", access -> {
        JavaClass owner = access.getTargetOwner();
        String name = access.getName();
        if (owner.isEquivalentTo(System.class)) {
          return name.equals("currentTimeMillis") || name.equals("nanoTime");
        }
        if (owner.isEquivalentTo(Clock.class) || owner.isEquivalentTo(InstantSource.class)) {
          return name.startsWith("system");
        }
        if (owner.getPackageName().equals("java.time") && name.equals("now")
            && access.getTarget() instanceof CodeUnitAccessTarget unit) {
          // now(Clock) reads the injected clock; now() and now(ZoneId) read the host's.
          return unit.getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
        }
        return false;
      });

  @ArchTest
  static final ArchRule coreReadsNoSystemClock =
      noClasses().that().resideInAPackage(CORE)
          .should().accessTargetWhere(SYSTEM_CLOCK)
          .because("staleness, backoff, digests and windows take the Clock they are given, so "
              + "a test sets the time instead of waiting for it");

  @ArchTest
  static final ArchRule edgesDoNotDependOnApp =
      noClasses().that().resideInAPackage("dev.swimmy.bot.edge..")
          .should().dependOnClassesThat().resideInAPackage("dev.swimmy.bot.app..")
          .because("app wires edges together; an edge that reaches back into app (its config "
              + "loader, its Daemon) cannot be built or tested on its own");

  @ArchTest
  static final ArchRule edgesDoNotDependOnEachOther =
      slices().matching("dev.swimmy.bot.edge.(*)..").namingSlices("edge/$1")
          .should().notDependOnEachOther()
          .because("each edge is one outside system behind a core port; edges meet only "
              + "through core's interfaces and the wiring in app");
}
