package dev.segue.agent;

/** Text from the model or a provider, made fit for a note or a field: control characters become spaces, long text is cut. */
final class ModelText {

    private ModelText() {}

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
