export * from './answerer.js';
export * from './create-answerer.js';
export * from './knowledge-entry.js';
export * from './load-knowledge.js';
export * from './model-output-check.js';
