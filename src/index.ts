// The package's public pieces for plain Node.js use (no Node-RED needed): signing, the
// envelope, the client and the face-guard operations. The emulator is at ./emulator.
export * from './signature';
export * from './envelope';
export * from './errors';
export * from './client';
export * from './operations';
