/** Entry point for loading a repository's directory (directory.yml + CODEOWNERS). */
export { loadDirectory, type LoadDirectoryOptions } from './orgDirectory';
