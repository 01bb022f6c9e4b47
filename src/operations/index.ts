// Public face of the operations layer: the face-guard APIs with their validation.
export {
    ADD_DEVICE,
    ADD_DEVICE_FIELD_NAMES,
    ADD_DEVICE_FIELDS,
    addDevice,
    validateAddDevice,
} from './add-device';
export * as fieldRules from './field-rules';
export { validateParams, type FieldSpec, type ParamsResult } from './params';
