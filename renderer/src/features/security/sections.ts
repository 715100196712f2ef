import type { ComponentType } from 'react';
import { ContainersSecuritySection } from './ContainersSecuritySection';
import { EngineChecksPanel } from './engine/EngineChecksPanel';
import { ImagesSecuritySection } from './images/ImagesSecuritySection';

export interface SecuritySection {
  id: string;
  /** The section's heading; a panel that brings its own heading has none. */
  title?: string;
  component: ComponentType;
}

/**
 * The Security page's sections, in order. Another panel (e.g. engine checks) joins the page with one line
 * here; the page renders whatever this list holds.
 */
export const extraSections: SecuritySection[] = [
  { id: 'containers', title: 'Containers', component: ContainersSecuritySection },
  { id: 'images', title: 'Images', component: ImagesSecuritySection },
  { id: 'engine', component: EngineChecksPanel },
];
