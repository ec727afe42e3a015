package dev.segue.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Publishes {@code segue-runtime.data-dir}: the data dir as an absolute path. H2 refuses relative file paths
 * that lack "./", so the JDBC URL uses this instead of the value the operator typed (e.g. SEGUE_DATA_DIR=data).
 */
public class DataDirConfigSource implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue("segue.data-dir");
        String dir = value == null || value.getValue() == null ? "./data" : value.getValue();
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        return List.of(new MapBackedConfigSource("segue-data-dir", Map.of("segue-runtime.data-dir", absolute), 50) {});
    }
}
