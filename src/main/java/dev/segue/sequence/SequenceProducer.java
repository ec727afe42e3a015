package dev.segue.sequence;

import dev.segue.config.SegueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The sequence model from segue.sequence.*, or, when it cannot serve, none: seeded requests keep today's path. */
@ApplicationScoped
class SequenceProducer {

    @Produces
    @Singleton
    SequenceModel model(SegueConfig config) {
        return SequenceModel.load(
                config.sequence().trackEncoder(), config.sequence().sequenceEncoder());
    }

    void close(@Disposes SequenceModel model) {
        model.close();
    }
}
