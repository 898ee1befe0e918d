import { AuthProvider } from 'gatehouse/react'
import { SessionNotice } from 'gatehouse/ui'
import 'gatehouse/ui.css'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { getSession } from '../auth'
import { SessionFollower } from './SessionFollower'
import { SiteHeader } from './SiteHeader'
import './globals.css'

export const metadata: Metadata = { title: 'gatehouse example' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSession()
  return (
    <html lang="en">
      <body>
        <AuthProvider session={session}>
          <SiteHeader />
          <SessionFollower />
          <main>
            <SessionNotice />
            {children}
          </main>
        </AuthProvider>
      </body>
    </html>
  )
}
