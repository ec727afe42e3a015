package dev.segue.export;

import dev.segue.export.PlaylistExporter.ExportedPlaylist;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XSPF version 1 (https://www.xspf.org/spec), elements in the order the spec lists them. The StAX writer escapes
 * markup; characters XML 1.0 cannot carry at all (most control characters) are left out first.
 */
@ApplicationScoped
class XspfWriter {

    static final String NAMESPACE = "http://xspf.org/ns/0/";

    private static final Pattern NOT_XML =
            Pattern.compile("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    String write(ExportedPlaylist playlist) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "playlist");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", "1");
            element(xml, "title", playlist.title());
            element(xml, "annotation", playlist.description());
            xml.writeStartElement(NAMESPACE, "trackList");
            for (ExportedTrack track : playlist.tracks()) {
                track(xml, track);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a string writer cannot fail", e);
        }
        return out.append('\n').toString();
    }

    private static void track(XMLStreamWriter xml, ExportedTrack track) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "track");
        element(xml, "location", track.location());
        element(xml, "title", track.title());
        element(xml, "creator", track.artist());
        element(xml, "annotation", track.reason());
        element(xml, "album", track.album());
        element(xml, "duration", Long.toString(track.durationMs()));
        xml.writeEndElement();
    }

    /** An element with text, or nothing when the value is unknown. */
    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(NOT_XML.matcher(value).replaceAll(""));
        xml.writeEndElement();
    }
}
