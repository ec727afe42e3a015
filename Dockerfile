# The service (embedded index by default; SEGUE_VECTOR_STORE=qdrant and SEGUE_QDRANT_* for Qdrant). Build: docker build -t segue .   Run: docker run -p 8080:8080 -v segue-data:/data segue
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY prompts prompts
COPY vector-store vector-store
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/quarkus-app /app
COPY prompts /app/prompts
ENV SEGUE_PROMPTS_DIR=/app/prompts
ENV SEGUE_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-jar", "/app/quarkus-run.jar"]
