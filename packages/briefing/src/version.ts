// The engine's version, stored with every briefing so a rebuild can tell what produced it.
export const ENGINE_VERSION = "dispatch-briefing/1.0.0";
