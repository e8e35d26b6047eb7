# syntax=docker/dockerfile:1
# Builds the application jar with the Maven wrapper, then runs it on a JRE-only image.

# Versions pinned, so that a rebuild gives the same image; raise them deliberately.
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
# Everything .dockerignore lets through: the wrapper, the POMs and every module's sources.
COPY . .
# The cache mount keeps downloaded dependencies between builds without putting them in the image.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17.0.15_6-jre
# curl for compose's healthcheck (GET /readyz). An unprivileged user; /app/data is where an embedded
# Redis would keep its data if REDIS_URL were unset.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app dispute \
    && mkdir -p /app/data && chown dispute /app/data
WORKDIR /app
COPY --from=build /src/config/target/dispute-assistant.jar /app/dispute-assistant.jar
USER dispute
# 8080: the playground and the channels' endpoints; 8081: the actuator (metrics), for Prometheus only.
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/dispute-assistant.jar"]
