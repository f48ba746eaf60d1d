package dev.swimmy.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pure core stays pure: no edge, no app, no JDA, ZeroMQ, SQL or network in it. */
@AnalyzeClasses(packages = "dev.swimmy.bot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnNoEdgeAppOrOutsideSystem =
      noClasses().that().resideInAPackage("dev.swimmy.bot.core..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.swimmy.bot.edge..", "dev.swimmy.bot.app..", "net.dv8tion..", "org.zeromq..",
              "java.sql..", "java.net..");
}
