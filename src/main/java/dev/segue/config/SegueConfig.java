package dev.segue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Segue's own settings (application.properties, or env: SEGUE_DATA_DIR, SEGUE_CATALOG_PATH, …). */
@ConfigMapping(prefix = "segue")
public interface SegueConfig {

    /** Where the index and the database live. */
    @WithDefault("./data")
    String dataDir();

    Catalog catalog();

    Ranker ranker();

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
        @WithDefault(dev.segue.ranking.TransformerRanker.DEFAULT_MODEL)
        String model();
    }
}
