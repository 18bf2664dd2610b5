export { defaultRiskConfig, riskConfigSchema, sizingSchema, type RiskConfig, type SizingConfig } from './config';
export { ExitPlan, type ExitFill, type ExitHints, type ExitReason, type ExitRules } from './exit-plan';
export { RiskLimits, type LimitsConfig, type LimitVerdict } from './limits';
export { RiskEngine, type EntryDecision, type EntryRequest } from './risk-engine';
export { kellyFraction, sizePosition, type SizingInput, type SizingResult } from './sizing';
