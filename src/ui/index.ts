/**
 * Components over `gatehouse/react`: forms for signing in and for the whole account lifecycle
 * (sign-up, email confirmation, password reset, a second factor) that work before the script
 * runs, an `Authenticator` that puts them together, a sign-out button, guards and session
 * notices, styled by `gatehouse/ui.css`.
 *
 * @module gatehouse/ui
 */
'use client'
export { AuthGuard, type AuthGuardMessages, type AuthGuardProps } from './AuthGuard'
export { Authenticator, type AuthenticatorMessages, type AuthenticatorProps, type AuthenticatorView } from './Authenticator'
export { describeError } from './describeError'
export { ForgotPasswordForm, type ForgotPasswordFormMessages, type ForgotPasswordFormProps } from './ForgotPasswordForm'
export { ResendVerificationForm, type ResendVerificationFormMessages, type ResendVerificationFormProps } from './ResendVerificationForm'
export { ResetPasswordForm, type ResetPasswordFormMessages, type ResetPasswordFormProps } from './ResetPasswordForm'
export { SecondFactorForm, type SecondFactorFormMessages, type SecondFactorFormProps } from './SecondFactorForm'
export { SessionNotice, type SessionNoticeMessages, type SessionNoticeProps } from './SessionNotice'
export { SignedIn, type SignedInProps } from './SignedIn'
export { SignedOut, type SignedOutProps } from './SignedOut'
export { SignInForm, type SignInFormMessages, type SignInFormProps } from './SignInForm'
export { SignOutButton, type SignOutButtonMessages, type SignOutButtonProps } from './SignOutButton'
export { SignUpForm, type SignUpExtraField, type SignUpFormMessages, type SignUpFormProps } from './SignUpForm'
export { UserBadge, type UserBadgeMessages, type UserBadgeProps } from './UserBadge'
export { VerifyEmail, type VerifyEmailMessages, type VerifyEmailProps } from './VerifyEmail'
