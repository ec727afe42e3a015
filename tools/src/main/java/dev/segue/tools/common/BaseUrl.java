package dev.segue.tools.common;

import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --url}: an http(s) base URL of the service, without trailing slashes, so that tools can append
 * {@code /api/...} to it.
 */
public final class BaseUrl implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        String url = value.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("not a valid URL: " + value);
        }
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!http || uri.getHost() == null) {
            throw new TypeConversionException("must be an http(s) URL, got " + value);
        }
        return url;
    }
}
