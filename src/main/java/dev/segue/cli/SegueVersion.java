package dev.segue.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/** {@code segue --version}: the application's version, as the build recorded it. */
class SegueVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.version", String.class)
                .orElse("dev");
        return new String[] {"segue " + version};
    }
}
