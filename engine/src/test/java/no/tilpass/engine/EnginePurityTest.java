package no.tilpass.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EnginePurityTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.tilpass.engine");

    @Test
    void the_engine_uses_no_http_sql_json_or_logging_framework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "java.net.http..",
                        "com.sun.net.httpserver..",
                        "io.javalin..",
                        "org.jdbi..",
                        "org.flywaydb..",
                        "com.fasterxml.jackson..",
                        "tools.jackson..",
                        "com.google.gson..",
                        "jakarta.json..",
                        "org.slf4j..",
                        "org.apache.logging..",
                        "ch.qos.logback..",
                        "java.util.logging..",
                        "org.sat4j..")
                .because("the engine is pure: solver and I/O frameworks live outside it")
                .check(ENGINE);
    }

    @Test
    void only_the_scheduling_package_uses_or_tools() {
        noClasses()
                .that()
                .resideOutsideOfPackage("no.tilpass.engine.scheduling..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.ortools..", "com.google.protobuf..")
                .because("each solver library lives behind one package")
                .check(ENGINE);
    }

    @Test
    void no_public_scheduling_type_touches_or_tools() {
        noClasses()
                .that()
                .resideInAPackage("no.tilpass.engine.scheduling..")
                .and()
                .arePublic()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.ortools..", "com.google.protobuf..")
                .because("the scheduling API is our own records; CP-SAT stays an implementation detail")
                .check(ENGINE);
    }

    @Test
    void the_engine_depends_on_no_other_tilpass_module() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("no.tilpass.cli..", "no.tilpass.bench..", "no.tilpass.server..")
                .check(ENGINE);
    }
}
