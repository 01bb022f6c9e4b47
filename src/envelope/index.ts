export {
    buildEnvelope,
    PROTOCOL_VERSION,
    serializeEnvelope,
    withoutAbsent,
    type Envelope,
    type EnvelopeInput,
} from './envelope';
