// What a load balancer asks before it sends an instance traffic; it reads no session and calls no backend.
export function GET() {
  return Response.json({ status: 'ok' })
}
