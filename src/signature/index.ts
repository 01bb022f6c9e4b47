// Public face of the signing layer: pure functions, shared by the client and the emulator.
export { contentMd5 } from './content-md5';
export {
    buildStringToSign,
    canonicalUrl,
    lowerCaseHeaders,
    signedHeaderNames,
    type StringToSignInput,
} from './string-to-sign';
export {
    DEFAULT_ACCEPT,
    DEFAULT_CONTENT_TYPE,
    hmacSignature,
    signRequest,
    type SignRequestInput,
    type SignedRequest,
} from './sign-request';
