# A Fugue node image built from this repository (docs/operations.md, "Running as a service").
#   docker build -t fugue .
#   docker run -d --name fugue-s1v0 -v fugue-s1v0:/var/lib/fugue -p 9000:9000 \
#     fugue node --config /var/lib/fugue/validator.json
# The data volume holds the config, genesis, keys and dataDir; the node runs as user fugue.

FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev curl \
    && rm -rf /var/lib/apt/lists/*
# The native crate (bulletproofs, rust-libp2p) needs Rust >= 1.88 (native/Cargo.toml).
RUN curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain 1.88.0
ENV PATH="/root/.cargo/bin:${PATH}"
WORKDIR /src
COPY . .
# Then a class-data sharing archive of the CLI's classes (a faster start of every fugue command).
RUN mvn -B -q -DskipTests -pl api -am package \
    && cp api/target/fugue-api-*-all.jar /fugue.jar \
    && java -XX:ArchiveClassesAtExit=/fugue.jsa -jar /fugue.jar --help > /dev/null

FROM eclipse-temurin:17-jre
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/fugue --shell /usr/sbin/nologin fugue \
    && mkdir -p /var/lib/fugue && chown fugue:fugue /var/lib/fugue
COPY --from=build /fugue.jar /fugue.jsa /opt/fugue/
RUN printf '#!/bin/sh\nexec java -XX:SharedArchiveFile=/opt/fugue/fugue.jsa -Xshare:auto $FUGUE_JAVA_OPTS -jar /opt/fugue/fugue.jar "$@"\n' \
    > /usr/local/bin/fugue && chmod 755 /usr/local/bin/fugue
USER fugue
WORKDIR /var/lib/fugue
VOLUME ["/var/lib/fugue"]
# libp2p, and the API (bind it to 127.0.0.1 or a private network: plain HTTP).
EXPOSE 9000 8645
# Ready once the shard this node runs finalized a block; needs an "api" section with port 8645.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8645/health/ready > /dev/null || exit 1
ENTRYPOINT ["fugue"]
CMD ["--help"]
