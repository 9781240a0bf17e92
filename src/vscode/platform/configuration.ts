import * as vscode from 'vscode';
import { SETTING_DEFAULTS, type SettingKey, type SettingValue } from '../../core/settingsDefaults';

/** A `constellation.*` setting, read fresh (changes apply without a reload), with its one default. */
export function setting<K extends SettingKey>(key: K): SettingValue<K> {
  const value = vscode.workspace.getConfiguration('constellation').get<SettingValue<K>>(key, SETTING_DEFAULTS[key]);
  return (value ?? SETTING_DEFAULTS[key]) as SettingValue<K>;
}

/** Whether a configuration change touches one of the given settings. */
export function affects(event: vscode.ConfigurationChangeEvent, ...keys: Array<SettingKey | 'experts' | 'patterns' | 'github' | 'threads' | 'directory' | 'hub'>): boolean {
  return keys.some((key) => event.affectsConfiguration(`constellation.${key}`));
}
