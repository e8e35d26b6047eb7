package com.disputeassistant.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Step;
import com.disputeassistant.testing.ReadmeBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * There is no Docker engine here, so {@code docker-compose.yml} is checked by reading it: every variable it
 * uses is in README.md's configuration table, {@code .env.example} lists exactly the table's variables,
 * images are pinned, the app has a healthcheck on its readiness endpoint, the monitoring services sit
 * behind their profile and mount files that exist, and Prometheus scrapes where the actuator is. And the
 * README's getting started names the steps {@code /handback} takes.
 */
class DeploymentFilesTest {
    private static final Path ROOT = ReadmeBlock.repositoryRoot();
    private static final Pattern TABLE_VARIABLE = Pattern.compile("^\\| [^|]+ \\| `([A-Z0-9_<>]+)`");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");
    private static final Pattern ENV_EXAMPLE_LINE = Pattern.compile("^#? ?([A-Z][A-Z0-9_]+)=", Pattern.MULTILINE);
    /** A pinned tag names a version: at least major.minor, not "latest" or a bare major like redis:7. */
    private static final Pattern PINNED = Pattern.compile(".+:v?\\d+\\.\\d+(\\.\\d+)?([._-].*)?");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String composeText = read("docker-compose.yml");
    private final JsonNode compose = YAML.readTree(composeText);
    private final Set<Pattern> tableVariables = tableVariables();

    @Test
    void everyVariableComposeUsesIsInTheConfigurationTable() {
        Set<String> used = new LinkedHashSet<>();
        // Comments explain the ${NAME:-} syntax: only what compose reads counts.
        Matcher m = COMPOSE_VARIABLE.matcher(composeText.replaceAll("(?m)^\\s*#.*$", ""));
        while (m.find()) {
            used.add(m.group(1));
        }
        compose.path("services").path("app").path("environment").propertyNames().forEach(used::add);

        assertThat(used).as("variables docker-compose.yml reads or sets").isNotEmpty()
                .allSatisfy(variable -> assertThat(inTable(variable))
                        .as("%s is used by docker-compose.yml but missing from README.md's configuration table", variable)
                        .isTrue());
    }

    @Test
    void theEnvExampleListsEveryVariableOfTheTableAndNothingElse() {
        Set<String> listed = new LinkedHashSet<>();
        Matcher m = ENV_EXAMPLE_LINE.matcher(read(".env.example"));
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).allSatisfy(variable -> assertThat(inTable(variable))
                .as("%s is in .env.example but not in README.md's configuration table", variable).isTrue());
        assertThat(tableVariables).allSatisfy(variable -> assertThat(listed.stream().anyMatch(v -> variable.matcher(v).matches()))
                .as("README.md's table lists %s, which .env.example lacks", variable).isTrue());
        JsonNode envFile = compose.path("services").path("app").path("env_file");
        assertThat(envFile.isArray()).isTrue();
        assertThat(envFile.get(0).path("path").asString()).isEqualTo(".env");
        assertThat(envFile.get(0).path("required").asBoolean(true)).as("compose starts without a .env").isFalse();
    }

    @Test
    void imagesArePinnedAndTheAppHasAReadinessHealthcheck() {
        compose.path("services").properties().forEach(service -> {
            JsonNode spec = service.getValue();
            if (!spec.has("build")) {
                assertThat(spec.path("image").asString()).as("the image of %s", service.getKey()).matches(PINNED);
            }
        });
        assertThat(read("Dockerfile").lines().filter(line -> line.startsWith("FROM ")))
                .isNotEmpty().allSatisfy(from -> assertThat(from.split(" ")[1]).matches(PINNED));

        JsonNode app = compose.path("services").path("app");
        List<String> test = new ArrayList<>();
        app.path("healthcheck").path("test").forEach(part -> test.add(part.asString()));
        assertThat(test).first().isEqualTo("CMD");
        assertThat(test).contains("http://127.0.0.1:8080/readyz");
        assertThat(read("Dockerfile")).as("the image has what the healthcheck runs").contains("install -y --no-install-recommends curl");
        assertThat(app.path("depends_on").path("redis").path("condition").asString()).isEqualTo("service_healthy");
        assertThat(app.path("environment").path("REDIS_URL").asString()).isEqualTo("redis://redis:6379");
        assertThat(app.path("ports").toString()).as("the actuator's port is not published").doesNotContain("8081");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScaleProfileRunsASecondInstanceOnTheSameRedisWithTheSameSettings() {
        // SnakeYAML, as compose, resolves the anchors (*app-environment) that Jackson leaves as they are.
        Map<String, Object> services = (Map<String, Object>) new org.yaml.snakeyaml.Yaml()
                .<Map<String, Object>>load(composeText).get("services");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> second = (Map<String, Object>) services.get("app-2");
        assertThat(second.get("profiles")).isEqualTo(List.of("scale"));
        assertThat(second.get("environment")).as("the same settings, the same Redis").isEqualTo(app.get("environment"));
        assertThat(((Map<String, Object>) second.get("environment")).get("REDIS_URL")).isEqualTo("redis://redis:6379");
        assertThat(second.get("healthcheck")).isEqualTo(app.get("healthcheck"));
        assertThat(second.get("env_file")).isEqualTo(app.get("env_file"));
        assertThat(compose.path("services").path("app-2").path("depends_on").path("redis").path("condition").asString())
                .isEqualTo("service_healthy");
        assertThat(second.get("ports").toString()).doesNotContain("8081").doesNotContain("APP_PORT:");
        assertThat(compose.path("services").path("redis").has("profiles")).as("one Redis for both").isFalse();
    }

    @Test
    void theMonitoringProfileMountsFilesThatExistAndScrapesTheActuator() {
        for (String service : List.of("prometheus", "grafana")) {
            JsonNode spec = compose.path("services").path(service);
            assertThat(spec.path("profiles").toString()).as(service).isEqualTo("[\"monitoring\"]");
            spec.path("ports").forEach(port -> assertThat(port.asString()).as("%s only on this machine", service)
                    .startsWith("127.0.0.1:"));
            spec.path("volumes").forEach(volume -> {
                String source = volume.asString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as("%s mounts %s", service, source).exists();
                }
            });
        }
        JsonNode prometheus = YAML.readTree(read("ops/prometheus/prometheus.yml"));
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asString()).isEqualTo("app:8081");
        assertThat(read("config/src/main/resources/application.yml")).contains("port: ${MANAGEMENT_PORT:8081}");
        JsonNode datasource = YAML.readTree(read("ops/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource.path("datasources").get(0).path("url").asString()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void theGettingStartedNamesEveryStepAHandBackCanResumeAt() {
        String readme = read("README.md");
        String block = readme.substring(readme.indexOf("<!-- handback-steps:begin -->"), readme.indexOf("<!-- handback-steps:end -->"));
        List<String> steps = Arrays.stream(Step.values())
                .filter(step -> step != Step.MEDIATION && step != Step.CLOSED)
                .map(step -> "`" + step.name().toLowerCase(Locale.ROOT).replace('_', '-') + "`")
                .toList();
        assertThat(block.substring(block.indexOf("-->") + 3)).isEqualTo(String.join(", ", steps));
    }

    private boolean inTable(String variable) {
        return tableVariables.stream().anyMatch(pattern -> pattern.matcher(variable).matches());
    }

    /** The table's environment variables; {@code <STEP>} in a name stands for any step. */
    private static Set<Pattern> tableVariables() {
        String readme = read("README.md");
        int start = readme.indexOf("\n## Configuration");
        int end = readme.indexOf("\n## ", start + 5);
        Map<String, Pattern> variables = new LinkedHashMap<>();
        readme.substring(start, end).lines().forEach(line -> {
            Matcher m = TABLE_VARIABLE.matcher(line);
            if (m.find()) {
                variables.put(m.group(1), Pattern.compile(m.group(1).replaceAll("<[A-Z]+>", "[A-Z]+")));
            }
        });
        assertThat(variables).as("README.md's configuration table").hasSizeGreaterThan(20);
        return new LinkedHashSet<>(variables.values());
    }

    private static String read(String file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
