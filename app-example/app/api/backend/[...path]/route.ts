import { backendHandlers } from '../../../../auth'

export const { GET, POST, PUT, PATCH, DELETE } = backendHandlers
