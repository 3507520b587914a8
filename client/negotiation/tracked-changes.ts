/**
 * The TrackedChanges tiptap extension: proposed amendments shown inline as tracked changes (a read-only
 * overlay of decorations; see tracked-plugin.ts and README.md). Importing it brings the stylesheet.
 */
import { Extension } from '@tiptap/core';
import type { NegotiationView } from './model.ts';
import { trackedChangesKey, trackedChangesPlugin, type TrackedChangesOptions, type TrackedMeta } from './tracked-plugin.ts';
import { negotiationView } from './view-store.ts';
import './negotiation.css';

export * from './tracked-plugin.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    trackedChanges: {
      /** Show clean text, all proposals, or one delegation's proposals inline. */
      setTrackedChangesView: (view: NegotiationView) => ReturnType;
    };
  }
}

/** tiptap extension: `TrackedChanges.configure({ getDoc: () => session.doc })`. */
export const TrackedChanges = Extension.create<TrackedChangesOptions>({
  name: 'trackedChanges',
  addOptions() {
    return { getDoc: () => null, view: null, viewStore: negotiationView };
  },
  addCommands() {
    return {
      setTrackedChangesView: (view: NegotiationView) => ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(trackedChangesKey, { view } satisfies TrackedMeta);
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    return [trackedChangesPlugin(this.options)];
  },
});
