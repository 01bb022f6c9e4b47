export {
    ERROR_CODES,
    failure,
    type ErrorCode,
    type Failure,
    type FailureSource,
} from './codes';
