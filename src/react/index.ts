/**
 * React bindings: `AuthProvider` runs one auth machine for a tree, or shares one made outside React;
 * `useAuth` and `useAuthSelector` read it.
 *
 * @module gatehouse/react
 */
'use client'
export type { AuthActorRef, AuthSnapshot } from '../core/authMachine'
export type { AccountFlowResult } from '../core/AccountFlowResult'
export type { SignInResult } from '../core/signIn'
export { AuthProvider, useAuthActor, useAuthBasePath, type AuthProviderProps } from './AuthProvider'
export { useAuth, type UseAuthResult } from './useAuth'
export { useAuthFetch } from './useAuthFetch'
export { useAuthSelector } from './useAuthSelector'
