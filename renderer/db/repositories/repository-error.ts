// The class lives in shared/ so that code below the repositories (renderer/files) can refuse in the same words.
export { RepositoryError, toRefusalData, type RefusalData } from '@shared/validation/repository-error';
