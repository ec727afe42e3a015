package dev.segue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Segue's own settings (application.properties, or env: SEGUE_DATA_DIR, SEGUE_CATALOG_PATH, …). */
@ConfigMapping(prefix = "segue")
public interface SegueConfig {

    /** Where the index and the database live. */
    @WithDefault("./data")
    String dataDir();

    Catalog catalog();

    Llm llm();

    Prompts prompts();

    Dj dj();

    Security security();

    Cors cors();

    interface Cors {
        /** Origins allowed to call the API from a browser (comma-separated), besides the page Segue serves itself. */
        @WithDefault("http://localhost:8080")
        String origins();
    }

    /** Optional API keys and per-client rate limits for the API (the web page and /q/* are never limited). */
    interface Security {
        /** When set, POST, PUT, PATCH and DELETE under /api need one of these keys (X-API-Key or Bearer). */
        Optional<List<String>> apiKeys();

        /** Requests per minute per client (its API key, else its address); 0 turns the limit off. */
        @WithDefault("600")
        int requestsPerMinute();
    }

    interface Dj {
        /** Tracks per segment (2 to 4). */
        @WithDefault("3")
        int tracksPerSegment();

        /** An artist plays at most once per this many tracks. */
        @WithDefault("8")
        int artistGap();

        /** Sessions untouched this long are deleted. */
        @WithDefault("2h")
        Duration idleTimeout();

        /**
         * How fast SSE listeners get segments: 1.0 plans the next segment when the current one would have finished
         * playing; 0.01 is a hundred times faster (demos, tests).
         */
        @WithDefault("1.0")
        double pace();

        @WithDefault("15s")
        Duration heartbeat();
    }

    /** Where vectors are searched: embedded (a Lucene index in the data dir) or qdrant (segue.qdrant.*). */
    @WithDefault("embedded")
    VectorStoreKind vectorStore();

    enum VectorStoreKind {
        EMBEDDED,
        QDRANT
    }

    Qdrant qdrant();

    /** Qdrant through its gRPC API (port 6334); used when segue.vector-store=qdrant. */
    interface Qdrant {
        @WithDefault("localhost")
        String host();

        /** The gRPC port (the REST API's is 6333). */
        @WithDefault("6334")
        int port();

        Optional<String> apiKey();

        @WithDefault("false")
        boolean useTls();

        @WithDefault("segue_tracks")
        String collection();

        /** Per search call: the gRPC deadline and the fault-tolerance timeout. */
        @WithDefault("2s")
        Duration callTimeout();

        /** Per write (one upsert batch, creating the collection) and per page when reading vectors at start. */
        @WithDefault("60s")
        Duration writeTimeout();

        /** Retries on UNAVAILABLE and DEADLINE_EXCEEDED, with exponential backoff from retry-base-delay. */
        @WithDefault("2")
        int maxRetries();

        @WithDefault("100ms")
        Duration retryBaseDelay();

        @WithDefault("1s")
        Duration retryMaxDelay();

        /** Calls the circuit breaker looks at; it opens when half of them failed. */
        @WithDefault("8")
        int circuitBreakerVolume();

        /** How long an open circuit refuses calls; also the Retry-After of the 503. */
        @WithDefault("10s")
        Duration circuitBreakerDelay();

        /** Points per upsert when loading. */
        @WithDefault("256")
        int batchSize();

        /** Create a missing collection with the definition's "cluster" shard and replica numbers. */
        @WithDefault("false")
        boolean cluster();

        /** A collection definition file; empty = vector-store/qdrant/collection.json as shipped in the jar. */
        Optional<String> definition();

        /** When Qdrant cannot answer, search the embedded index of the same catalog (if one exists) and say so. */
        @WithDefault("false")
        boolean fallbackToEmbedded();

        default String endpoint() {
            return (useTls() ? "https://" : "http://") + host() + ":" + port();
        }

        /** Retry-After for a failure: how long the circuit breaker stays open, the natural time to come back. */
        default int retryAfterSeconds() {
            return (int) Math.max(1, (circuitBreakerDelay().toMillis() + 999) / 1000);
        }
    }

    /** The LLM planner; with no base URL it is off and every request uses the offline planner. */
    interface Llm {
        /** An OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp, LM Studio), e.g. http://localhost:11434/v1. */
        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String model();

        /** openai (any OpenAI-compatible server), anthropic or gemini. */
        @WithDefault("openai")
        Provider provider();

        enum Provider {
            OPENAI,
            ANTHROPIC,
            GEMINI
        }

        @WithDefault("0.2")
        double temperature();

        /**
         * Ask for a streamed answer (the default): only a stream tells a slow provider from a dead one. Off for servers
         * that mishandle streaming; a server that refuses to stream is also asked without, from then on.
         */
        @WithDefault("true")
        boolean stream();

        /**
         * The first byte of an answer must arrive within this, or the provider is taken for dead (no retry; the offline
         * planner answers). A cold local model that reads a long prompt on a CPU may need more (say 60s).
         */
        @WithDefault("10s")
        Duration firstTokenTimeout();

        /**
         * One LLM call, while its answer streams (also the fault-tolerance timeout per call). Sized for a 7B model on a
         * CPU: a final answer of ~800 tokens at ~7 tokens/s.
         */
        @WithDefault("120s")
        Duration callTimeout();

        /** Tool calls one request may make before the agent is stopped. */
        @WithDefault("12")
        int maxToolCalls();

        /** Tokens (in + out, all calls) one request may spend before the agent is stopped. */
        @WithDefault("40000")
        int maxTokens();

        /** Output tokens per call. */
        @WithDefault("2000")
        int maxOutputTokens();

        /** Malformed tool arguments or unknown tool names answered as tool errors before giving up. */
        @WithDefault("3")
        int maxInvalidToolCalls();

        /**
         * The whole LLM planning of one request; past it the offline planner answers. Sized for a 7B model on a CPU: a
         * few tool calls (each reads ~1.5k tokens of results) and the final answer.
         */
        @WithDefault("180s")
        Duration requestTimeout();

        /** Retries per LLM call on 429, 5xx, timeouts and connection errors. */
        @WithDefault("2")
        int maxRetries();

        @WithDefault("500ms")
        Duration retryBaseDelay();

        /** Longest wait between retries, also the cap on a provider's Retry-After. */
        @WithDefault("10s")
        Duration retryMaxDelay();

        /** Calls the circuit breaker looks at; it opens when 3 in 4 of them failed. */
        @WithDefault("8")
        int circuitBreakerVolume();

        /** How long an open circuit refuses calls (those requests use the offline planner at once). */
        @WithDefault("30s")
        Duration circuitBreakerDelay();
    }

    interface Prompts {
        /** Directory of prompt files; falls back to the copies packaged in the jar when missing. */
        @WithDefault("prompts")
        String dir();

        /** The agent prompt version used when a request does not name one (prompts/playlist-agent.<version>.md). */
        @WithDefault("v1")
        String agent();
    }

    Ranker ranker();

    Sequence sequence();

    interface Catalog {
        /** A CSV/JSONL file (optionally .gz); empty means the shipped demo catalog. */
        Optional<String> path();

        /** auto (detect from the header), jamendo, spotify, csv or jsonl. */
        @WithDefault("auto")
        String format();

        /** A .properties file mapping canonical column names to the file's column names. */
        Optional<String> mapping();

        /** Shown in descriptions ("from the Jamendo catalog"). */
        Optional<String> name();
    }

    interface Ranker {
        /** The ranker model (ONNX), "classpath:…" or a file; missing or unusable: the foundation scorer, with a warning. */
        @WithDefault("classpath:models/ranker.onnx")
        String model();
    }

    interface Sequence {
        /** The sequence model's track encoder (ONNX); missing or unusable: seeded requests keep today's path, with a warning. */
        @WithDefault("classpath:models/sequence-track-encoder.onnx")
        String trackEncoder();

        /** The sequence model's causal encoder of (title, seed tracks), the pair of {@link #trackEncoder()}. */
        @WithDefault("classpath:models/sequence-encoder.onnx")
        String sequenceEncoder();
    }
}
