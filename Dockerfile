# syntax=docker/dockerfile:1
# Builds the application jar with the Maven wrapper, then runs it on a JRE-only image.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Everything .dockerignore lets through: the wrapper, the POMs and every module's sources.
COPY . .
# The cache mount keeps downloaded dependencies between builds without putting them in the image.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# An unprivileged user; /app/data is where an embedded Redis would keep its data if REDIS_URL were unset.
RUN useradd --system --uid 10001 --home-dir /app dispute \
    && mkdir -p /app/data && chown dispute /app/data
WORKDIR /app
COPY --from=build /src/config/target/dispute-assistant.jar /app/dispute-assistant.jar
USER dispute
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/dispute-assistant.jar"]
