package dev.segue.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.export.PlaylistExporter.ExportedPlaylist;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Any text a catalog or a prompt can hold comes out of every format as the same text, never as markup. */
class ExportWritersTest {

    private static final String TITLE = "Rock & Roll <Live> \"Quoted\" 'single'\nSecond line\r\n#EXTINF:1,fake";
    private static final String ARTIST = "Björk 🎵 & Sigur Rós";
    private static final String ALBUM = "日本語 — Ünïcödé </album>";
    private static final String REASON = "already escaped &amp; stays literal; \u0001 is dropped";
    private static final String LOCATION = "https://example.org/a?b=1&c=2";

    private static final ExportedPlaylist PLAYLIST = new ExportedPlaylist(
            "Late <night> & \"drive\" 🌙",
            "Synthwave\nfor the road",
            List.of(
                    new ExportedTrack(TITLE, ARTIST, ALBUM, 201.6, LOCATION, REASON),
                    new ExportedTrack("Plain", "Someone", null, 60, "file:///music/plain.wav", "fits")));

    @Test
    void m3u8KeepsEveryValueOnItsOwnLine() {
        String m3u = new M3u8Writer().write(PLAYLIST);
        List<String> lines = m3u.lines().toList();
        assertEquals(
                List.of(
                        "#EXTM3U",
                        "#PLAYLIST:Late <night> & \"drive\" 🌙",
                        "#EXTINF:202,Björk 🎵 & Sigur Rós - Rock & Roll <Live> \"Quoted\" 'single' Second line"
                                + " #EXTINF:1,fake",
                        LOCATION,
                        "#EXTINF:60,Someone - Plain",
                        "file:///music/plain.wav"),
                lines);
        assertTrue(m3u.endsWith("\n"));
    }

    @Test
    void m3u8LeavesOutTracksWithNothingToOpen() {
        ExportedPlaylist nowhere = new ExportedPlaylist(
                null,
                null,
                List.of(
                        new ExportedTrack("Lost", "Nobody", null, 10, null, "r"),
                        new ExportedTrack("Found", "Somebody", null, 10, LOCATION, "r")));
        assertEquals("#EXTM3U\n#EXTINF:10,Somebody - Found\n" + LOCATION + "\n", new M3u8Writer().write(nowhere));
    }

    @Test
    void xspfParsesBackToTheSameText() throws Exception {
        String xspf = new XspfWriter().write(PLAYLIST);
        Document doc = parse(xspf);
        Element root = doc.getDocumentElement();
        assertEquals(XspfWriter.NAMESPACE, root.getNamespaceURI());
        assertEquals("playlist", root.getLocalName());
        assertEquals("1", root.getAttribute("version"));
        assertEquals("Late <night> & \"drive\" 🌙", text(root, "title", 0));
        assertEquals("Synthwave\nfor the road", text(root, "annotation", 0));
        NodeList tracks = root.getElementsByTagNameNS(XspfWriter.NAMESPACE, "track");
        assertEquals(2, tracks.getLength());
        Element first = (Element) tracks.item(0);
        assertEquals(LOCATION, text(first, "location", 0));
        assertEquals(TITLE.replace("\r\n", "\n"), text(first, "title", 0)); // XML parsers read CR LF as LF
        assertEquals(ARTIST, text(first, "creator", 0));
        assertEquals(ALBUM, text(first, "album", 0));
        assertEquals("201600", text(first, "duration", 0));
        assertEquals("already escaped &amp; stays literal;  is dropped", text(first, "annotation", 0));
        Element second = (Element) tracks.item(1);
        assertEquals(
                0, second.getElementsByTagNameNS(XspfWriter.NAMESPACE, "album").getLength());
    }

    @Test
    void xspfWritesNonAsciiAsUtf8Characters() {
        String xspf = new XspfWriter().write(PLAYLIST);
        assertTrue(xspf.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xspf);
        assertTrue(xspf.contains("Björk 🎵"), "characters, not character references: " + xspf);
        assertTrue(xspf.contains("Rock &amp; Roll &lt;Live&gt;"), xspf);
    }

    @Test
    void jspfIsListenBrainzShapedAndParsesBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(new JspfWriter(json).write(PLAYLIST));
        JsonNode playlist = root.get("playlist");
        assertEquals("Late <night> & \"drive\" 🌙", playlist.get("title").asText());
        assertEquals("Synthwave\nfor the road", playlist.get("annotation").asText());
        JsonNode first = playlist.get("track").get(0);
        assertEquals(TITLE, first.get("title").asText());
        assertEquals(ARTIST, first.get("creator").asText());
        assertEquals(ALBUM, first.get("album").asText());
        assertEquals(201600, first.get("duration").asLong());
        assertEquals(LOCATION, first.get("location").get(0).asText());
        assertEquals(REASON, first.get("annotation").asText());
        assertFalse(playlist.get("track").get(1).has("album"));
        assertEquals(2, playlist.get("track").size());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the n-th child element with that name (direct children only, so track titles are not read). */
    private static String text(Element parent, String name, int n) {
        int seen = 0;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName()) && seen++ == n) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
