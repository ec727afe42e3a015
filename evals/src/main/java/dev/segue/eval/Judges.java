package dev.segue.eval;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The judge the settings configure, if any: without {@code segue.eval.judge.url}, rubrics are skipped. */
@ApplicationScoped
public class Judges {

    private final EvalConfig.JudgeConfig config;

    Judges(EvalConfig config) {
        this.config = config.judge();
    }

    public Optional<Judge> configured() {
        return config.url().filter(url -> !url.isBlank()).map(url -> Judge.openAiCompatible(url, config));
    }
}
