import packageJson from '../../package.json' with { type: 'json' };

/** Recorded with every imported file and analysis recipe, so results can be traced to the code. */
export const APP_VERSION: string = packageJson.version;
