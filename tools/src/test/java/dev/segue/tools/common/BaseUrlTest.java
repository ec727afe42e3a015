package dev.segue.tools.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class BaseUrlTest {

    private final BaseUrl converter = new BaseUrl();

    @Test
    void dropsTrailingSlashesSoPathsCanBeAppended() {
        assertEquals("http://localhost:8080", converter.convert("http://localhost:8080///"));
        assertEquals("https://segue.example/base", converter.convert("https://segue.example/base/"));
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThrows(TypeConversionException.class, () -> converter.convert("ftp://localhost"));
        assertThrows(TypeConversionException.class, () -> converter.convert("localhost:8080"));
        assertThrows(TypeConversionException.class, () -> converter.convert("http://bad host"));
    }
}
