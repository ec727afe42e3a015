package dev.segue.eval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The runner's settings ({@code segue.eval.*}, or the environment: SEGUE_EVAL_JUDGE_URL, ...). Everything a single run
 * varies is a command-line option instead.
 */
@ConfigMapping(prefix = "segue.eval")
public interface EvalConfig {

    /** The packaged service a run starts when no --target is given (relative to the working directory). */
    @WithDefault("target/quarkus-app/quarkus-run.jar")
    Path serviceJar();

    JudgeConfig judge();

    /** The judge model for {@code llm_rubric}: none unless {@code url} is set. */
    interface JudgeConfig {

        /** An OpenAI-compatible base URL, e.g. http://localhost:11434/v1. */
        Optional<String> url();

        @WithDefault("gpt-4o-mini")
        String model();

        Optional<String> apiKey();

        /** json-schema where the provider supports structured output, json-object where it only supports JSON mode. */
        @WithDefault("json-schema")
        Judge.VerdictFormat responseFormat();

        @WithDefault("120s")
        Duration timeout();

        @WithDefault("2")
        int maxRetries();
    }
}
