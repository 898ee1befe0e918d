/**
 * Components over `gatehouse/react`: a sign-in form that works before the script runs, a sign-out
 * button, guards and session notices, styled by `gatehouse/ui.css`.
 *
 * @module gatehouse/ui
 */
'use client'
export { AuthGuard, type AuthGuardMessages, type AuthGuardProps } from './AuthGuard'
export { describeError } from './describeError'
export { SessionNotice, type SessionNoticeMessages, type SessionNoticeProps } from './SessionNotice'
export { SignedIn, type SignedInProps } from './SignedIn'
export { SignedOut, type SignedOutProps } from './SignedOut'
export { SignInForm, type SignInFormMessages, type SignInFormProps } from './SignInForm'
export { SignOutButton, type SignOutButtonMessages, type SignOutButtonProps } from './SignOutButton'
export { UserBadge, type UserBadgeMessages, type UserBadgeProps } from './UserBadge'
