'use client'
export { AuthProvider, useAuthActor, useAuthBasePath, type AuthActorRef, type AuthProviderProps } from './AuthProvider'
export { useAuth, type SignInResult, type UseAuthResult } from './useAuth'
export { useAuthFetch } from './useAuthFetch'
