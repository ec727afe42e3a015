package dev.segue.tools.common;

import picocli.CommandLine.Option;

/** {@code --url}: the service a tool talks to, the same option in every tool that talks to one (a picocli mixin). */
public final class ServiceUrl {

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "http://localhost:8080",
            converter = BaseUrl.class,
            description = "service base URL (default ${DEFAULT-VALUE})")
    String url;

    /** Without trailing slashes, so that {@code /api/...} can be appended. */
    public String url() {
        return url;
    }
}
