# The service image: built from source with the Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl cdp-api -am package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 cdp
COPY --from=build /src/cdp-api/target/cdp.jar /app/cdp.jar
USER cdp
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cdp.jar"]
