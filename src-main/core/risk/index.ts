// Runs in: anywhere (pure).
export { defaultRiskConfig, riskConfigSchema, sizingSchema, type RiskConfig, type SizingConfig } from './config';
export { ExitPlan, type ExitFill, type ExitHints, type ExitReason, type ExitPlanState, type ExitRules } from './exit-plan';
export { RiskLimits, type LimitsConfig, type LimitVerdict, type LimitsState } from './limits';
export { RiskEngine, type EntryDecision, type EntryRequest, type RiskStats } from './risk-engine';
export { kellyFraction, sizePosition, type SizingInput, type SizingResult } from './sizing';
